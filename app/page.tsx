import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AppHeader } from "@/components/shell/AppHeader";
import { CreateWorkspaceForm } from "@/components/shell/CreateWorkspaceForm";
import { getServerCaller } from "@/server/trpc/server-caller";

export default async function HomePage() {
  await connection();
  const caller = getServerCaller();
  const status = await caller.auth.status();
  if (!status.user) redirect(status.signUpOpen ? "/sign-up" : "/sign-in");
  const workspaces = await caller.workspaces.list();
  const [first] = workspaces;
  if (first) redirect(`/w/${encodeURIComponent(first.id)}`);
  return (
    <>
      <AppHeader account={{ email: status.user.email, workspaces }} />
      <main id="main" className="mx-auto max-w-xl px-6 py-16 text-center">
        <h1 className="text-xl font-semibold">No workspace yet</h1>
        <p className="mt-2 text-sm text-zinc-600">
          You are not a member of any workspace. Ask an admin for an invitation link, or create a workspace of your own.
        </p>
        <div className="mx-auto mt-6 max-w-sm">
          <CreateWorkspaceForm label="Workspace name" />
        </div>
      </main>
    </>
  );
}
