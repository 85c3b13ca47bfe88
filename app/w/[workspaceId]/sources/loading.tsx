import { SourcesSkeleton } from "@/components/sources/SourcesSkeleton";

export default function SourcesLoading() {
  return <SourcesSkeleton />;
}
