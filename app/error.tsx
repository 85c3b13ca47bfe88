"use client";

import { PageError } from "@/components/shell/PageError";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main id="main" className="px-4 py-8">
      <PageError error={error} retry={retry} />
    </main>
  );
}
