import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, type IRole } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { Construct, type IConstruct } from 'constructs';
import { INCOMING_PREFIX, PHOTOS_PREFIX } from '../../functions/adapters/s3/S3PhotoStore.ts';
import { stageSettings, type Stage } from '../config/Stage.ts';
import { CustomerManagedKey } from '../security/CustomerManagedKey.ts';

/** A raw upload the server never took (the reporter closed the page) is gone after a day. */
export const RAW_UPLOAD_DAYS = 1;
/**
 * Reporters' photos are kept two winters: long enough for the after-action review and a complaint about a
 * case, short enough that a citizen's pictures of their street are not kept for ever.
 */
export const PHOTO_DAYS = 730;

export interface PhotoBucketProps {
  stage: Stage;
  /** The report page's origin (config citizens.pageOrigin): the only one whose browsers may PUT photos. */
  pageOrigin: string;
}

/**
 * Citizens' photos: a private bucket (all public access blocked, TLS only, encrypted with its own
 * customer-managed key, bucket-owner objects, access logged) that browsers reach only by presigned PUT
 * under incoming/, and that the public API's Lambda reads, strips and rewrites under photos/.
 */
export class PhotoBucket extends Construct {
  readonly bucket: Bucket;
  readonly key: CustomerManagedKey;

  constructor(scope: Construct, id: string, props: PhotoBucketProps) {
    super(scope, id);
    const settings = stageSettings(props.stage);
    this.key = new CustomerManagedKey(this, 'Key', { stage: props.stage, description: 'snowops citizens\' photos bucket' });
    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // S3 server access logs can only be delivered to an SSE-S3 bucket.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // S3's log delivery writes with an ACL.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(settings.logRetention) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(logs, [{ id: 'AwsSolutions-S1', reason: 'This is the access-log bucket of the photo bucket; logging it into itself would loop.' }]);
    this.bucket = new Bucket(this, 'Photos', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'photos/',
      lifecycleRules: [
        { id: 'raw-uploads', prefix: INCOMING_PREFIX, expiration: Duration.days(RAW_UPLOAD_DAYS), abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'photos', prefix: PHOTOS_PREFIX, expiration: Duration.days(PHOTO_DAYS) },
      ],
      // The report page PUTs to a presigned URL, and the browser asks CORS first: only the page's origin may.
      // It comes from the stage's config, not the distribution: the page's CSP names this bucket, so this
      // bucket naming the distribution would close a cycle. (The presigned signature is what authorises a PUT.)
      cors: [{ allowedOrigins: [props.pageOrigin], allowedMethods: [HttpMethods.PUT], allowedHeaders: ['content-type'], maxAge: 3600 }],
      removalPolicy: settings.removalPolicy,
      autoDeleteObjects: false,
    });
  }

  /**
   * The public API's Lambda: it presigns PUTs under incoming/ (so it needs PutObject there: a presigned URL
   * carries its signer's rights), reads and deletes them, and writes and reads photos/. Spelt out, without
   * the wildcard actions of CDK's bucket grants; nothing may list the bucket.
   */
  grantPhotoHandling(grantee: { role?: IRole | undefined } & IConstruct): void {
    const role = grantee.role;
    if (!role) throw new Error(`${grantee.node.path} has no role to grant the photo bucket to`);
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], resources: [this.bucket.arnForObjects(`${INCOMING_PREFIX}*`)] }));
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [this.bucket.arnForObjects(`${PHOTOS_PREFIX}*`)] }));
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], resources: [this.key.keyArn] }));
    // The policy is the role's (a sibling of the function), so the acknowledgement goes on the role.
    NagSuppressions.addResourceSuppressions(role, [{
      id: 'AwsSolutions-IAM5',
      reason: 'Each raw upload and each stripped photo gets a new object key: the public API may reach objects only under the photo bucket\'s incoming/ and photos/ prefixes, and may not list the bucket.',
      appliesTo: [{ regex: '/^Resource::<.*CitizenPhotos.*\\.Arn>\\/(incoming|photos)\\/\\*$/g' }],
    }], true);
  }
}
