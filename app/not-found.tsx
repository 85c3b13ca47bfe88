import Link from "next/link";
import { AppHeader } from "@/components/shell/AppHeader";

export default function NotFound() {
  return (
    <>
      <AppHeader />
      <main id="main" className="mx-auto max-w-xl px-6 py-16 text-center">
        <h1 className="text-xl font-semibold">Page not found</h1>
        <p className="mt-2 text-sm text-zinc-600">There is nothing at this address, or the workspace no longer exists.</p>
        <Link href="/" className="mt-4 inline-block rounded-md text-sm font-medium text-indigo-700 underline underline-offset-4">
          Go to your workspace
        </Link>
      </main>
    </>
  );
}
