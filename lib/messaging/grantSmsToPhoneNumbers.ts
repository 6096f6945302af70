import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';

/**
 * Lets a Lambda send SMS with SNS Publish(PhoneNumber=...).
 *
 * Why Resource '*': a Publish straight to a phone number has no topic, so there is no ARN to name; SNS
 * authorises it only against '*' (the service authorization reference lists no resource type for it).
 * The cost is that the same statement also allows publishing to any topic in the account; the SMS
 * adapter never passes a TopicArn, and SMS spend is bounded by the account's SNS monthly SMS spend limit.
 */
export function grantSmsToPhoneNumbers(grantee: IGrantable): Grant {
  return Grant.addToPrincipal({ grantee, actions: ['sns:Publish'], resourceArns: ['*'] });
}
