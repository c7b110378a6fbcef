import { Box } from "@shopify/polaris";
import { lazy, Suspense } from "react";
import type { ChartSeries } from "./trend-chart-impl.tsx";

export type { ChartSeries };

// polaris-viz (and d3, react-spring) is most of the bundle: it loads after the numbers are on screen.
const Impl = lazy(() => import("./trend-chart-impl.tsx"));

/** A fixed-height chart slot: the space is reserved before the library arrives (no layout shift). */
export function TrendChart(props: {
  type: "line" | "bar";
  series: ChartSeries[];
  label: string;
  height?: number;
}) {
  const height = props.height ?? 240;
  return (
    <Box minHeight={`${height}px`}>
      <div style={{ height }} role="img" aria-label={props.label}>
        <Suspense fallback={null}>
          <Impl {...props} height={height} />
        </Suspense>
      </div>
    </Box>
  );
}
