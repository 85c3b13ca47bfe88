"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Role } from "@/components/trpc/router-types";

/** The workspace's pages; admin-only settings pages show to admins only (the server checks anyway). */
export function WorkspaceNav({ workspaceId, role }: { workspaceId: string; role: Role }) {
  const pathname = usePathname();
  const base = `/w/${encodeURIComponent(workspaceId)}`;
  const links = [
    { href: base, label: "Connections" },
    { href: `${base}/sources`, label: "Sources" },
    ...(role === "admin" ? [{ href: `${base}/settings/members`, label: "Members" }] : []),
    { href: `${base}/settings/tokens`, label: "API tokens" },
    ...(role === "admin"
      ? [
          { href: `${base}/settings/audit`, label: "Audit log" },
          { href: `${base}/settings/outbound`, label: "Outbound" },
        ]
      : []),
  ];
  return (
    <nav aria-label="Workspace" className="ml-auto flex flex-wrap gap-1">
      {links.map((link) => {
        // Destination pages and the action editor are reached from the canvas: Connections holds them.
        const current =
          link.href === base
            ? pathname === base || pathname.startsWith(`${base}/destinations`)
            : pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${current ? "bg-zinc-100 text-zinc-900" : "text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
