import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AcceptInvitation } from "@/components/auth/AcceptInvitation";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignUpForm } from "@/components/auth/SignUpForm";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Invitation" };

const ROLE_WORDS = { viewer: "a viewer (read only)", editor: "an editor", admin: "an admin" } as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const caller = getServerCaller();
  const [invitation, status] = await Promise.all([caller.invitations.preview({ token }), caller.auth.status()]);
  if (!invitation || invitation.status !== "pending") {
    return (
      <AuthCard title="This invitation cannot be used">
        <p className="text-sm text-zinc-600">
          {invitation ? `It is ${invitation.status}.` : "The link is not valid."} Ask an admin of the workspace for a new link.
        </p>
        <Link href="/sign-in" className="mt-4 inline-block text-sm font-medium text-zinc-900 underline underline-offset-2">
          Go to sign in
        </Link>
      </AuthCard>
    );
  }
  const intro = (
    <>
      You are invited to join <strong className="font-semibold text-zinc-900">{invitation.workspaceName}</strong> as {ROLE_WORDS[invitation.role]}.
    </>
  );
  const workspacePath = `/w/${encodeURIComponent(invitation.workspaceId)}`;
  if (status.user) {
    return (
      <AuthCard title="Join the workspace" intro={intro}>
        <AcceptInvitation token={token} email={status.user.email} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Join the workspace" intro={intro}>
      <SignUpForm next={workspacePath} invitationToken={token} submitLabel="Create account and join" />
      <p className="mt-4 text-center text-sm text-zinc-600">
        Already have an account?{" "}
        <Link href={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`} className="font-medium text-zinc-900 underline underline-offset-2">
          Sign in to accept
        </Link>
      </p>
    </AuthCard>
  );
}
