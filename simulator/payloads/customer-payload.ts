import { gid } from "../gid.ts";
import { payloadTime } from "../sim-core.ts";
import type { SimCustomer } from "../store/store-types.ts";

export function customerPayload(customer: SimCustomer, timeZone: string): Record<string, unknown> {
  return {
    id: customer.id,
    email: customer.email,
    created_at: payloadTime(customer.createdAt, timeZone),
    updated_at: payloadTime(customer.updatedAt, timeZone),
    first_name: customer.firstName,
    last_name: customer.lastName,
    state: "enabled",
    note: null,
    verified_email: true,
    tax_exempt: false,
    phone: null,
    // Orders still carry the customer's tags even though customer webhooks dropped them in 2025-01.
    tags: customer.tags.join(", "),
    currency: "USD",
    admin_graphql_api_id: gid("Customer", customer.id),
  };
}
