import "@shopify/polaris/build/esm/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createApiClient } from "./api/api-client.ts";
import { createTokenProvider } from "./api/session-token.ts";
import { App } from "./app.tsx";

const api = createApiClient(createTokenProvider(window.location, window.history));
const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <App api={api} />
  </StrictMode>,
);
