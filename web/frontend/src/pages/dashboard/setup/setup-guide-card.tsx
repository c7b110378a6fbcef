import { useEffect, useState } from "react";
import type { SetupGuideResponse, SetupGuideView } from "../../../../../contract/api-responses.ts";
import { useApi } from "../../../api/use-api.ts";
import { CardSkeleton } from "../../../components/page-states.tsx";
import { SetupGuide } from "./setup-guide.tsx";

const SYNC_POLL_MS = 3_000;

/** The guide while it is not dismissed nor complete; polls while the first sync runs. */
export function useSetupGuide() {
  const state = useApi<SetupGuideResponse>("/setup-guide");
  const [guide, setGuide] = useState<SetupGuideView | null>(null);
  useEffect(() => setGuide(state.data?.guide ?? null), [state.data]);
  const syncing = guide !== null && ["PENDING", "RUNNING"].includes(guide.sync.status);
  const { reload } = state;
  useEffect(() => {
    if (!syncing) return;
    const timer = setInterval(reload, SYNC_POLL_MS);
    return () => clearInterval(timer);
  }, [syncing, reload]);
  return { guide, setGuide };
}

export function SetupGuideCard({
  guide,
  onChange,
}: {
  guide: SetupGuideView | null;
  onChange: (g: SetupGuideView) => void;
}) {
  // Its place is held while it loads, so the metrics below do not jump when it arrives.
  if (!guide) return <CardSkeleton lines={8} minHeight="330px" />;
  if (guide.dismissed || guide.completed === guide.steps.length) return null;
  return <SetupGuide guide={guide} onChange={onChange} />;
}
