import { CATEGORY_DESCRIPTIONS, CATEGORY_NAMES, CITIZEN_CATEGORIES, isCitizenCategory } from '../../../../core/citizen/CitizenCategory.ts';
import { NotFoundError } from '../../../../core/errors/NotFoundError.ts';
import { defineRoute } from '../../http/RouteDefinition.ts';
import { open311List, XML_TYPE, type Open311Format } from '../../open311/Open311Format.ts';
import { fileParam, open311LangQuery } from '../../open311/open311Schemas.ts';
import { xmlObject } from '../../open311/xml.ts';

const KEYWORDS: Record<(typeof CITIZEN_CATEGORIES)[number], string> = {
  'icy-road': 'ice, bridge, slope, 结冰, 桥',
  'uncleared-snow': 'snow, pavement, 积雪',
  'blocked-access': 'hospital, school, bus stop, 医院, 学校, 公交站',
  meltwater: 'water, drain, 积水, 排水',
  'fallen-branch': 'tree, wire, 断枝, 电线',
  other: '',
};

/** GET /open311/v2/services.{json,xml}: the categories a citizen may report, as Open311 services. */
export function listServicesRoute(format: Open311Format) {
  return defineRoute({
    method: 'GET', path: `/open311/v2/services.${format}`, operationId: `open311ListServices_${format}`, tag: 'open311', access: 'public',
    summary: `List the Open311 services (${format.toUpperCase()})`,
    query: open311LangQuery,
    responses: { 200: { description: 'the services', contentType: format === 'json' ? 'application/json' : XML_TYPE } },
    handle: async ({ query }) => open311List(200, format, 'services', 'service', CITIZEN_CATEGORIES.map((code) => ({
      service_code: code,
      service_name: CATEGORY_NAMES[code][query.lang],
      description: CATEGORY_DESCRIPTIONS[code][query.lang],
      metadata: false,
      type: 'realtime',
      // Open311: "a comma separated list of tags" (one string, as DC's services.xml has it).
      keywords: KEYWORDS[code],
      group: query.lang === 'zh-CN' ? '冰雪' : 'Snow and ice',
    }))),
  });
}

/** GET /open311/v2/services/{code}.{json,xml}: a service's definition (no extra attributes: metadata is false). */
export const serviceDefinitionRoute = defineRoute({
  method: 'GET', path: '/open311/v2/services/{file}', operationId: 'open311ServiceDefinition', tag: 'open311', access: 'public',
  summary: 'Read an Open311 service definition',
  params: fileParam('a service code', /[a-z-]{1,40}/),
  responses: { 200: { description: 'the definition: its code and (no) attributes' } },
  handle: async ({ params }) => {
    const [code, format] = params.file.split('.') as [string, Open311Format];
    if (!isCitizenCategory(code)) throw new NotFoundError('service', code, `there is no service "${code}"; the services are ${CITIZEN_CATEGORIES.join(', ')}`);
    if (format === 'json') return { status: 200, body: { service_code: code, attributes: [] } };
    return { status: 200, body: xmlObject('service_definition', { service_code: code, attributes: [] }, () => 'attribute'), contentType: XML_TYPE };
  },
});
