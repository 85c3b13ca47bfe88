import { redirect } from "next/navigation";
import { connection } from "next/server";
import { AppHeader } from "@/components/shell/AppHeader";
import { getServerCaller } from "@/server/trpc/server-caller";

export default async function HomePage() {
  await connection();
  const [first] = await getServerCaller().workspaces.list();
  if (first) redirect(`/w/${encodeURIComponent(first.id)}`);
  return (
    <>
      <AppHeader />
      <main id="main" className="mx-auto max-w-xl px-6 py-16 text-center">
        <h1 className="text-xl font-semibold">No workspace yet</h1>
        <p className="mt-2 text-sm text-zinc-600">
          Start Switchyard with <code className="font-mono">npm start</code>: it creates the first workspace and a demo
          source on a fresh database.
        </p>
      </main>
    </>
  );
}
