// Loaded into the Portkey gateway process with --import. Portkey 1.15.2 appends x-portkey-*
// headers to the upstream fetch() Response, whose headers are immutable under the fetch spec, so
// every passthrough stream fails with "TypeError: immutable" on the @hono/node-server it installs
// (Portkey-AI/gateway#1389, #1550). Its proposed fix (#1551) copies the response into a new one
// before touching headers; this does the same, at the fetch boundary, changing nothing else.
const upstreamFetch = globalThis.fetch;
globalThis.fetch = async (...args) => {
  const response = await upstreamFetch(...args);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};
