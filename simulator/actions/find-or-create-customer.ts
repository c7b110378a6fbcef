import type { SimCore } from "../sim-core.ts";
import { SimError } from "../store/sim-error.ts";
import type { SimCustomer } from "../store/store-types.ts";

export interface CustomerRef {
  email: string;
  customerId?: bigint;
  customerTags?: string[];
  locale?: string;
  firstName?: string;
  lastName?: string;
}

/** Reuses the shop's customer with that id or email, else creates one; adds any new tags. */
export function findOrCreateCustomer(core: SimCore, shopDomain: string, ref: CustomerRef): SimCustomer {
  const { store } = core;
  const now = core.now();
  let customer =
    ref.customerId !== undefined
      ? store.customers.get(ref.customerId)
      : [...store.customers.values()].find(
          (c) => c.shopDomain === shopDomain && c.email.toLowerCase() === ref.email.toLowerCase(),
        );
  if (customer && customer.shopDomain !== shopDomain)
    throw new SimError(`unknown customer ${ref.customerId}`, 404);
  if (!customer) {
    customer = {
      id: ref.customerId ?? store.nextId(),
      shopDomain,
      email: ref.email,
      firstName: ref.firstName ?? null,
      lastName: ref.lastName ?? null,
      tags: [],
      locale: ref.locale ?? "en",
      createdAt: now,
      updatedAt: now,
    };
    store.customers.set(customer.id, customer);
  }
  // Checkout fills a customer's missing name from the order's address.
  if (customer.firstName === null && ref.firstName) customer.firstName = ref.firstName;
  if (customer.lastName === null && ref.lastName) customer.lastName = ref.lastName;
  for (const tag of ref.customerTags ?? []) {
    if (!customer.tags.includes(tag)) customer.tags.push(tag);
  }
  return customer;
}
