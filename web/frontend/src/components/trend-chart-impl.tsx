import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import "@shopify/polaris-viz/build/esm/styles.css";
import { useLayoutEffect, useRef, useState } from "react";
import { useFormats } from "../format/use-formats.tsx";

export type ChartSeries = { name: string; data: { key: string; value: number | null }[] };

export default function TrendChartImpl({
  type,
  series,
  height,
}: {
  type: "line" | "bar";
  series: ChartSeries[];
  height: number;
}) {
  const Chart = type === "line" ? LineChart : BarChart;
  const formats = useFormats();
  // Keys are YYYY-MM-DD; "17 Nov" keeps the axis labels short enough to lay out in one line.
  const shortDate = (value: string | number | null): string => {
    const text = String(value ?? "");
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formats.dayMonth(new Date(`${text}T00:00:00Z`)) : text;
  };
  const box = useRef<HTMLDivElement>(null);
  // polaris-viz sizes itself from its parent; drawn before the parent has a width it computes
  // negative SVG sizes. The slot's height is fixed, so waiting one layout pass moves nothing.
  const [measured, setMeasured] = useState(false);
  useLayoutEffect(() => {
    if (box.current && box.current.getBoundingClientRect().width > 0) setMeasured(true);
  }, []);
  return (
    <div ref={box} style={{ height, width: "100%" }}>
      {measured ? (
        <PolarisVizProvider>
          <Chart
            data={series}
            theme="Light"
            isAnimated={false}
            xAxisOptions={{ labelFormatter: shortDate }}
          />
        </PolarisVizProvider>
      ) : null}
    </div>
  );
}
