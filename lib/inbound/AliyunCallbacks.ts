import { Duration } from 'aws-cdk-lib';
import { HttpMethod, type HttpApi, type HttpRoute } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import { Construct } from 'constructs';
import { stageSettings, type Stage } from '../config/Stage.ts';
import { CITIZEN_TABLE } from '../../functions/config/tables.ts';
import { grantCoreTables } from '../functions/grantCoreTables.ts';
import { wireSms, type SmsWiring } from '../messaging/SmsWiring.ts';
import { SnowopsFunction } from '../SnowopsFunction.ts';
import type { SnowopsTables } from '../tables/SnowopsTables.ts';

/** Where Alibaba Cloud pushes, under the API's URL: register <ApiUrl><path>?token=<the token secret's value> in its console. */
export const ALIYUN_CALLBACK_PATHS = { uplink: '/sms/aliyun/uplink', receipts: '/sms/aliyun/receipts' } as const;

export interface AliyunCallbacksProps {
  stage: Stage;
  tables: SnowopsTables;
  sms: Extract<SmsWiring, { provider: 'aliyun' }>;
  /** Encrypts the callback token secret. */
  messagingKey: IKey;
  /** The HTTP API the callback routes are added to. */
  httpApi: HttpApi;
}

/**
 * Alibaba Cloud SMS's HTTP batch push (HTTP批量推送): uplink replies (SmsUp) to the same reply handling as SNS two-way
 * SMS, and delivery receipts (SmsReport) to the response log, by functions/handlers/aliyunCallbacks.ts.
 *
 * How a push is authenticated: Alibaba Cloud's push is a plain JSON POST to the URL registered in its console; it
 * carries no signature and no credential of its own. The other way it offers, consuming its MNS queues, would need a
 * poller in AWS holding an Alibaba Cloud AccessKey with MNS rights and pulling across the internet every few seconds.
 * So the registered URL is the credential: it carries a 40-character random token (a Secrets Manager secret this
 * construct generates), which the Lambda compares in constant time and answers 403 to anything else, over HTTPS
 * only (API Gateway serves nothing else). The routes have no API Gateway authorizer, as Alibaba Cloud cannot send a
 * bearer token; the API's throttle bounds what a guesser can try. Re-pushed batches change nothing (replies are
 * idempotent on each uplink's sequence id).
 */
export class AliyunCallbacks extends Construct {
  readonly function: SnowopsFunction;
  readonly token: Secret;
  readonly routes: HttpRoute[];

  constructor(scope: Construct, id: string, props: AliyunCallbacksProps) {
    super(scope, id);
    this.token = new Secret(this, 'Token', {
      description: 'snowops: the token in the Alibaba Cloud SMS callback URLs (<ApiUrl>/sms/aliyun/uplink?token=<this>)',
      encryptionKey: props.messagingKey,
      generateSecretString: { excludePunctuation: true, passwordLength: 40, includeSpace: false },
      removalPolicy: stageSettings(props.stage).removalPolicy,
    });
    NagSuppressions.addResourceSuppressions(this.token, [{
      id: 'AwsSolutions-SMG4',
      reason: 'The token is registered by hand in the Alibaba Cloud console as part of the callback URLs; rotating it here without changing it there would drop every reply until someone did. It is rotated with that console step (README, Deploy in China).',
    }]);

    this.function = new SnowopsFunction(this, 'Function', {
      handlerFile: 'aliyunCallbacks.ts',
      description: 'Alibaba Cloud SMS HTTP push: crew leaders\' uplink replies to reply handling, delivery receipts to the log',
      stage: props.stage,
      // Alibaba Cloud waits a few seconds and pushes again (1, 5 and 10 minutes later) when a push fails or times out.
      timeout: Duration.seconds(15),
      smsProvider: 'aliyun',
      environment: { ALIYUN_CALLBACK_TOKEN_SECRET_ARN: this.token.secretArn },
    });
    this.token.grantRead(this.function);
    grantCoreTables(this.function, props.tables);
    // A crew's "3 done" or "9 cannot" to a citizen case's task moves the case on at once.
    this.function.grantTable(props.tables.get(CITIZEN_TABLE), CITIZEN_TABLE.envVar, 'readWrite');
    // An unknown reply gets a short help SMS back (DESIGN.md, Failure rules).
    wireSms(this.function, props.sms);

    const integration = new HttpLambdaIntegration('AliyunCallbacks', this.function, { scopePermissionToRoute: false });
    this.routes = Object.values(ALIYUN_CALLBACK_PATHS).flatMap((path) => props.httpApi.addRoutes({ path, methods: [HttpMethod.POST], integration }));
    NagSuppressions.addResourceSuppressions(this.routes, [{
      id: 'AwsSolutions-APIG4',
      reason: 'Alibaba Cloud SMS pushes callbacks as plain JSON POSTs and can send no bearer token; each request must carry the callback token (a generated Secrets Manager secret) in its URL, which the Lambda checks in constant time, answering 403 otherwise (lib/inbound/AliyunCallbacks.ts says why this and not MNS).',
    }]);
  }
}
