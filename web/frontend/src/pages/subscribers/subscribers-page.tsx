import { Page } from "@shopify/polaris";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { CsvButton } from "../../components/csv-button.tsx";
import { ApiView, CardSkeleton, EmptyCard } from "../../components/page-states.tsx";
import { useToast } from "../../components/toast.tsx";
import { DemandTable } from "./demand-table.tsx";
import type { DemandResponse } from "../../../../contract/api-responses.ts";
import type { DemandRow } from "./subscribers-contract.ts";
import { SubscribersModal } from "./subscribers-modal.tsx";

export default function SubscribersPage() {
  const toast = useToast();
  const state = useApi<DemandResponse>("/subscriptions/demand");
  const [open, setOpen] = useState<DemandRow | null>(null);
  return (
    <Page
      title="Subscribers"
      subtitle="Back-in-stock demand per variant"
      secondaryActions={
        <>
          <CsvButton path="/subscriptions/export.csv" filename="subscribers.csv">
            Export subscribers
          </CsvButton>{" "}
          <CsvButton path="/subscriptions/purchasing.csv" filename="purchasing.csv">
            Purchasing export
          </CsvButton>
        </>
      }
    >
      <ApiView
        state={state}
        what="Subscriber demand"
        skeleton={<CardSkeleton lines={10} minHeight="420px" />}
      >
        {(body) => {
          const rows = [...body.variants].sort((a, b) => b.waiting - a.waiting || b.pending - a.pending);
          if (rows.length === 0)
            return (
              <EmptyCard heading="No subscribers yet">
                Shoppers who ask to be told when a sold-out variant is back appear here.
              </EmptyCard>
            );
          return <DemandTable rows={rows} onOpen={setOpen} />;
        }}
      </ApiView>
      {open ? (
        <SubscribersModal
          variant={open}
          onClose={() => setOpen(null)}
          onSent={(message) => {
            setOpen(null);
            toast(message);
            state.reload();
          }}
        />
      ) : null}
    </Page>
  );
}
