import { useTranslation } from "react-i18next";
import { BlockStack, FormLayout, SkeletonBodyText, TextField } from "@shopify/polaris";
import { AppModal, AppModalSection } from "../../app-bridge/app-modal.tsx";
import { useEffect, useState } from "react";
import { ApiError } from "../../api/api-client.ts";
import { fieldErrorsOf } from "../../api/field-errors.ts";
import { errorMessage, useApi, useApiClient } from "../../api/use-api.ts";
import { ErrorBanner } from "../../components/page-states.tsx";
import { variantLabel } from "../../format/variant-label.ts";
import type { VariantControlResponse } from "../../../../contract/api-responses.ts";
import { fromControlForm, toControlForm, type ControlForm } from "./controls-contract.ts";
import type { EtaRowView } from "./etas-contract.ts";
import { PastEtaWarning } from "./past-eta-warning.tsx";
import { VariantControlFields } from "./variant-control-fields.tsx";

type ControlErrors = Partial<Record<keyof ControlForm, string>>;

function controlErrorsOf(e: unknown): ControlErrors | null {
  const fields = fieldErrorsOf(e);
  if (!fields) return null;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.join(", ")]));
}

/** One variant's edit panel: its ETA and message, and its backorder cap and selling window. */
export function EtaEditModal({
  row,
  today,
  onClose,
  onSaved,
}: {
  row: EtaRowView;
  /** The shop's calendar day, `YYYY-MM-DD`. */
  today: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const controlState = useApi<VariantControlResponse>(`/controls/variants/${row.variantId}`);
  const control = controlState.data?.control ?? null;
  const [eta, setEta] = useState(row.explicit?.eta ?? "");
  const [message, setMessage] = useState(row.explicit?.message ?? "");
  const [controls, setControls] = useState<{ initial: ControlForm; form: ControlForm } | null>(null);
  const [etaError, setEtaError] = useState<string | null>(null);
  const [controlErrors, setControlErrors] = useState<ControlErrors>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (controlState.data && !controls) {
      const form = toControlForm(controlState.data.control);
      setControls({ initial: form, form });
    }
  }, [controlState.data, controls]);

  const save = async () => {
    setSaving(true);
    setEtaError(null);
    setControlErrors({});
    const body = { eta: eta || null, message: message.trim() || null };
    // Unchanged values are not re-sent: a PUT would mark a bulk or imported ETA as set by hand.
    if (
      body.eta !== (row.explicit?.eta ?? null) ||
      body.message !== (row.explicit?.message?.trim() || null)
    ) {
      try {
        await api.request(`/etas/${row.variantId}`, { method: "PUT", body });
      } catch (e) {
        setEtaError(errorMessage(e));
        setSaving(false);
        return;
      }
    }
    if (controls && JSON.stringify(controls.form) !== JSON.stringify(controls.initial)) {
      try {
        await api.request(`/controls/variants/${row.variantId}`, {
          method: "PUT",
          body: fromControlForm(controls.form),
        });
      } catch (e) {
        setControlErrors(controlErrorsOf(e) ?? { backorderCap: errorMessage(e) });
        setSaving(false);
        return;
      }
    }
    onSaved();
  };

  return (
    <AppModal
      onClose={onClose}
      title={variantLabel(row, t("common.untitledProduct"))}
      primaryAction={{ content: t("common.save"), onAction: save, loading: saving }}
      secondaryActions={[{ content: t("common.cancel"), onAction: onClose }]}
    >
      <AppModalSection>
        <FormLayout>
          <FormLayout.Group>
            <TextField
              label={t("etas.eta")}
              type="date"
              value={eta}
              onChange={setEta}
              autoComplete="off"
              helpText={t("etas.emptyTheProductSOr")}
              error={etaError ?? undefined}
            />
            <TextField
              label={t("etas.message")}
              value={message}
              onChange={setMessage}
              autoComplete="off"
              maxLength={200}
            />
          </FormLayout.Group>
          <PastEtaWarning eta={eta} today={today} />
        </FormLayout>
      </AppModalSection>
      <AppModalSection>
        {controlState.error instanceof ApiError &&
        controlState.error.isMissingRoute ? null : controlState.error ? (
          <ErrorBanner error={controlState.error} onRetry={controlState.reload} />
        ) : control && controls ? (
          <VariantControlFields
            control={control}
            form={controls.form}
            onChange={(form) => setControls((c) => (c ? { ...c, form } : c))}
            errors={controlErrors}
          />
        ) : (
          <BlockStack gap="200">
            <SkeletonBodyText lines={5} />
          </BlockStack>
        )}
      </AppModalSection>
    </AppModal>
  );
}
