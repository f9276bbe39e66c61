/** The words of <kit-limits-privacy> (./limits-privacy.ts), in each edition. */
import { words } from '../../i18n/words';

export const LIMITS_PRIVACY_WORDS = words(
  {
    engine: 'the browser’s own record of requests (Resource Timing)',
    region: 'Hosts contacted',
    checkAgain: 'Check again',
    caption: 'Hosts this page has contacted since it opened',
    head: ['host', 'requests', 'what asked', 'the host that served this page'] as readonly string[],
    yes: 'yes',
    no: 'no',
  },
  {
    engine: '浏览器自己的请求记录（Resource Timing）',
    region: '联系过的主机',
    checkAgain: '再查一次',
    caption: '本页面打开以来联系过的主机',
    head: ['主机', '请求数', '请求类型', '是否为提供本页面的主机'],
    yes: '是',
    no: '否',
  },
);
