"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** The workspace's main sections; the one holding the current page is marked. */
export function PrimaryNav({ workspaceId }: { workspaceId: string }) {
  const pathname = usePathname();
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  const items = [
    { href: base, label: "Connections", current: pathname === base || pathname.startsWith(`${base}/destinations`) },
    { href: `${base}/sources`, label: "Sources", current: pathname.startsWith(`${base}/sources`) },
  ];
  return (
    <nav aria-label="Workspace" className="ml-auto flex shrink-0 items-center gap-1">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.current ? "page" : undefined}
          className="rounded-md px-2.5 py-1.5 text-sm font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 aria-[current=page]:bg-zinc-100 aria-[current=page]:text-zinc-900 sm:px-3"
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
