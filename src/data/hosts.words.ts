/** The words of ./hosts.ts's summary sentence, in each edition. Numbers come in already formatted. */
import { words } from '../i18n/words.ts';

export const HOSTS_WORDS = words(
  {
    requests: (n: string, one: boolean) => `${n} request${one ? '' : 's'}`,
    none: 'This page has recorded no requests yet.',
    allOwn: (requests: string, host: string) =>
      `This page has made ${requests}, all to ${host}, the host that served it.`,
    ownHost: 'its own host',
    hostWithRequests: (host: string, requests: string) => `${host} (${requests})`,
    listSeparator: ', ',
    mixed: (p: { total: string; own: string; host: string; others: string; list: string }) =>
      `This page has made ${p.total}: ${p.own} to ${p.host} and ${p.others} to other hosts: ${p.list}.`,
  },
  {
    requests: (n) => `${n} 次请求`,
    none: '这个页面还没有记录到任何请求。',
    allOwn: (requests, host) => `这个页面共发出 ${requests}，全部发往 ${host}，也就是提供本页面的主机。`,
    ownHost: '本页面自己的主机',
    hostWithRequests: (host, requests) => `${host}（${requests}）`,
    listSeparator: '、',
    mixed: (p) => `这个页面共发出 ${p.total}：${p.own}发往 ${p.host}，${p.others}发往其他主机：${p.list}。`,
  },
);
