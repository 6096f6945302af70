// Replaces @smithy/core/event-streams in Lambda bundles (see lib/bundling/bundlingOptions.ts). The SDK's
// HttpProtocol imports it (dynamically) only to read or write an operation's event stream; DynamoDB, SNS and
// SQS have no such operation, so its 15 KB codec can never run here (test/infra/bundles.test.ts fails when a
// client outside those three is bundled, but for S3 in the public API: below). Should one ever be reached, it
// fails loudly instead of silently.
function notBundled() {
  throw new Error('@smithy/core/event-streams is not bundled (lib/bundling/noEventStreams.mjs): no bundled AWS client has an event-stream operation');
}

export const eventStreamSerdeProvider = notBundled;
export class EventStreamSerde {
  constructor() {
    notBundled();
  }
}

// S3's client resolves a marshaller when it is built, for SelectObjectContent (its one event-stream operation),
// which the public API never calls (functions/adapters/s3/S3PhotoStore.ts puts, gets and deletes): a marshaller
// whose every use fails loudly, without the codec.
export const resolveEventStreamSerdeConfig = (input) => Object.assign(input, { eventStreamMarshaller: { serialize: notBundled, deserialize: notBundled } });
