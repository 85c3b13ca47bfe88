import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/AuthCard";
import { SignInForm } from "@/components/auth/SignInForm";
import { safeNext } from "@/components/auth/safe-next";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Sign in" };

type SignInPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: SignInPageProps) {
  await connection();
  const params = await searchParams;
  const next = safeNext(params.next);
  const status = await getServerCaller().auth.status();
  if (status.user) redirect(next);
  if (status.signUpOpen) redirect("/sign-up");
  return (
    <AuthCard
      title="Sign in"
      intro={params.closed ? "This Switchyard already has accounts: sign in, or ask an admin for an invitation link." : "New here? Ask an admin of your workspace for an invitation link."}
    >
      <SignInForm next={next} />
    </AuthCard>
  );
}
