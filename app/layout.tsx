import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TrpcProvider } from "@/components/trpc/TrpcProvider";
import "./globals.css";

// Every page renders per request, so that its scripts carry the request's CSP nonce
// (server/http/security-headers.ts); a page prerendered at build time would have none.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Switchyard", template: "%s · Switchyard" },
  description: "Customer data platform: collect events from your sources and deliver them to your tools.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <a
          href="#main"
          className="sr-only rounded-md bg-white text-sm font-medium text-zinc-900 shadow-lg focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <TrpcProvider>{children}</TrpcProvider>
      </body>
    </html>
  );
}
