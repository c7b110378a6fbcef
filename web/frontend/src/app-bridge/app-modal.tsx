import { Modal as BridgeModal, TitleBar } from "@shopify/app-bridge-react";
import { Box, Modal } from "@shopify/polaris";
import { createContext, useContext, useId, type ReactNode } from "react";
import { BridgeButtons, type BridgeAction } from "./bridge-buttons.tsx";
import { shopifyUi } from "./shopify-ui.ts";

export type ModalAction = BridgeAction;

type Props = {
  title: string;
  onClose: () => void;
  primaryAction?: ModalAction;
  secondaryActions?: ModalAction[];
  size?: "small" | "large";
  children: ReactNode;
};

const InBridge = createContext(false);

/**
 * An open dialog over the page: App Bridge's (`<ui-modal>`, over the whole admin) when the page has
 * App Bridge, else Polaris' Modal (docs/admin-app-bridge.md). Mounted means open; `onClose` runs on
 * Escape, the close button or a Cancel action. Its parts are `AppModalSection`s.
 */
export function AppModal({ title, onClose, primaryAction, secondaryActions = [], size, children }: Props) {
  const id = `bh-modal-${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  if (!shopifyUi()) {
    return (
      <Modal
        open
        onClose={onClose}
        title={title}
        size={size}
        primaryAction={primaryAction}
        secondaryActions={secondaryActions}
      >
        {children}
      </Modal>
    );
  }
  return (
    <BridgeModal id={id} open onHide={onClose} variant={size ?? "base"}>
      <TitleBar title={title}>
        <BridgeButtons primary={primaryAction} secondary={secondaryActions} />
      </TitleBar>
      <InBridge.Provider value>{children}</InBridge.Provider>
    </BridgeModal>
  );
}

/** One part of an `AppModal`'s body, separated from the next as Polaris' `Modal.Section` is. */
export function AppModalSection({ children }: { children: ReactNode }) {
  if (!useContext(InBridge)) return <Modal.Section>{children}</Modal.Section>;
  return (
    <Box padding="400" borderBlockEndWidth="025" borderColor="border">
      {children}
    </Box>
  );
}
