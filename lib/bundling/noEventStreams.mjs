// Replaces @smithy/core/event-streams in Lambda bundles (see lib/bundling/bundlingOptions.ts). The SDK's
// HttpProtocol imports it (dynamically) only to read or write an operation's event stream; DynamoDB, SNS and
// SQS have no such operation, so its 15 KB codec can never run here (test/infra/bundles.test.ts fails when a
// client outside those three is bundled). Should one ever be reached, it fails loudly instead of silently.
function notBundled() {
  throw new Error('@smithy/core/event-streams is not bundled (lib/bundling/noEventStreams.mjs): no bundled AWS client has an event-stream operation');
}

export const eventStreamSerdeProvider = notBundled;
export class EventStreamSerde {
  constructor() {
    notBundled();
  }
}
