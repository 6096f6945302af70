/**
 * The DynamoDB actions behind each kind of table access a Lambda may be given.
 *
 * Spelt out instead of using grantReadData / grantReadWriteData because those include Scan and the
 * stream reads: DESIGN.md says Lambda paths Query and never Scan, and IAM is where that is enforced.
 * (TransactWriteItems has no IAM action of its own: it is authorised as the Put / Update / Delete inside.)
 */
export type TableAccess = 'read' | 'readWrite' | 'append';

const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

export const TABLE_ACTIONS: Record<TableAccess, readonly string[]> = {
  read: READ,
  readWrite: [...READ, ...WRITE],
  // The response log is append-only: entries are Put once (conditional on not existing) and read back by
  // Query. Without UpdateItem / DeleteItem a Lambda cannot rewrite history, even through a bug.
  append: ['dynamodb:PutItem', 'dynamodb:Query'],
};

const KEY_READ = ['kms:Decrypt', 'kms:DescribeKey'];
// CDK's own table grants name kms:ReEncrypt* and kms:GenerateDataKey*; these are what the wildcards
// stand for, minus the key-pair actions, which a symmetric key does not support.
const KEY_WRITE = ['kms:Encrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext'];

/** What each access needs on the table's customer-managed key: CDK's table grant sets, without wildcards. */
export const KEY_ACTIONS: Record<TableAccess, readonly string[]> = {
  read: KEY_READ,
  readWrite: [...KEY_READ, ...KEY_WRITE],
  append: [...KEY_READ, ...KEY_WRITE],
};
