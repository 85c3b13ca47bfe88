import type { Metadata } from "next";
import { AddDestinationFlow } from "@/components/destinations/AddDestinationFlow";
import { getWorkspace } from "../../get-workspace";

export const metadata: Metadata = { title: "Add a destination" };

type NewDestinationPageProps = {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<{ type?: string | string[] }>;
};

export default async function NewDestinationPage({ params, searchParams }: NewDestinationPageProps) {
  const workspace = await getWorkspace((await params).workspaceId);
  const { type } = await searchParams;
  return <AddDestinationFlow workspaceId={workspace.id} type={typeof type === "string" ? type : null} />;
}
