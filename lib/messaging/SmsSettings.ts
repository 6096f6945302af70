/** Account-specific SMS origination settings, from context; both optional so synth works with none. */
export interface SmsSettings {
  /** Alphanumeric sender ID, where the destination country supports one. */
  senderId?: string;
  /** E.164 origination number registered in End User Messaging SMS, with two-way SMS pointed at the inbound topic. */
  originationNumber?: string;
  /** The registered signature every message starts with (【signature】). */
  signature?: string;
}

/** The environment variables the SNS sender reads (functions/config/lambdaEnv.ts), only those that are set. */
export function smsEnvironment(settings: SmsSettings = {}): Record<string, string> {
  return {
    ...(settings.senderId ? { SMS_SENDER_ID: settings.senderId } : {}),
    ...(settings.originationNumber ? { SMS_ORIGINATION_NUMBER: settings.originationNumber } : {}),
    ...(settings.signature ? { SMS_SIGNATURE: settings.signature } : {}),
  };
}
