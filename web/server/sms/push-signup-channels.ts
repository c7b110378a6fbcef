import type { AppDeps } from "../app-deps.ts";
import type { AdminClient } from "../shopify/admin/create-admin-client.ts";
import { SHOP_ID_QUERY, SHOP_METAFIELDS_SET_MUTATION } from "../shopify/admin/documents/index.ts";
import { loadSmsSettings, type SignupChannels } from "./sms-settings-repository.ts";

/** The app-owned shop metafield ($app namespace) the notify-me block reads its channels from. */
export const SIGNUP_CHANNELS_KEY = "signup_channels";

/** Pure: what the storefront form offers. The SMS channel turned off means email only. */
export function storefrontSignupChannels(settings: {
  enabled: boolean;
  signupChannels: string;
}): SignupChannels {
  if (!settings.enabled) return "email";
  return settings.signupChannels === "phone" || settings.signupChannels === "both"
    ? settings.signupChannels
    : "email";
}

/**
 * Writes the shop's current signup channels to its `$app.signup_channels` metafield, so the theme
 * block renders the merchant's choice with no request to the app (docs/sms.md). Throws when Shopify
 * refuses it: the job retries.
 */
export async function pushSignupChannels(
  deps: Pick<AppDeps, "db">,
  shopId: string,
  admin: Pick<AdminClient, "request">,
): Promise<{ value: SignupChannels }> {
  const value = storefrontSignupChannels(await loadSmsSettings(deps.db, shopId));
  const { shop } = await admin.request<{ shop: { id: string } }>(SHOP_ID_QUERY);
  const data = await admin.request<{
    metafieldsSet: { userErrors: { field: string[] | null; message: string }[] };
  }>(SHOP_METAFIELDS_SET_MUTATION, {
    metafields: [
      {
        ownerId: shop.id,
        namespace: "$app",
        key: SIGNUP_CHANNELS_KEY,
        type: "single_line_text_field",
        value,
      },
    ],
  });
  const errors = data.metafieldsSet.userErrors;
  if (errors.length > 0) throw new Error(`signup channels metafield refused: ${errors[0]!.message}`);
  return { value };
}
