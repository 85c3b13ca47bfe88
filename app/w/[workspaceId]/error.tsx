"use client";

import { PageError } from "@/components/shell/PageError";

export default function WorkspaceError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageError error={error} retry={retry} />;
}
