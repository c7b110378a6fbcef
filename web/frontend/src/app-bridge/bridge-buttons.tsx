export type BridgeAction = {
  content: string;
  onAction: () => void;
  loading?: boolean;
  disabled?: boolean;
  destructive?: boolean;
};

/**
 * A `<ui-title-bar>`'s buttons (App Bridge reads them: the page's or a modal's actions), the primary
 * one marked `variant="primary"`; a loading action is also disabled, so a double click acts once.
 */
export function BridgeButtons({
  primary,
  secondary = [],
}: {
  primary?: BridgeAction;
  secondary?: BridgeAction[];
}) {
  const one = (action: BridgeAction, isPrimary: boolean) => (
    <button
      key={action.content}
      variant={isPrimary ? "primary" : undefined}
      tone={action.destructive ? "critical" : undefined}
      onClick={action.onAction}
      disabled={Boolean(action.disabled) || Boolean(action.loading)}
      loading={action.loading ? "" : undefined}
    >
      {action.content}
    </button>
  );
  return (
    <>
      {primary ? one(primary, true) : null}
      {secondary.map((a) => one(a, false))}
    </>
  );
}
