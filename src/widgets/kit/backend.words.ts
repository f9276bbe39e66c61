/**
 * The words of the tfjs backend badge, in each edition: why a backend was chosen (./backend.ts),
 * its label (./tf.ts) and how the page got its threads (./isolation.ts). Product names (WebGPU,
 * WebGL, WASM, SIMD, COOP/COEP) stay as they are.
 */
import { words } from '../../i18n/words';

export const BACKEND_WORDS = words(
  {
    webgpu: (vendor: string) => `WebGPU on ${vendor || 'a GPU'}`,
    webgl: (renderer: string) => `WebGL on ${renderer}`,
    wasmThreads: 'WebAssembly with threads (the page is cross-origin isolated)',
    wasmSingle: 'WebAssembly, single-threaded (the host does not send cross-origin isolation headers)',
    cpu: 'plain JavaScript, the slowest; used because nothing faster started',
    wasmLabel: (simd: boolean, threads: number) =>
      `WASM (${simd ? 'SIMD' : 'no SIMD'}, ${threads} thread${threads === 1 ? '' : 's'})`,
    cpuLabel: 'CPU (JavaScript)',
    didNotStart: (name: string) => `${name} did not start`,
    noBackend: (failures: string) => `No tfjs backend could start (${failures})`,
    separator: '; ',
    isolation: {
      host: 'isolated by the host',
      'service-worker': 'isolated by a service worker',
      starting: 'not isolated yet: a service worker is starting',
      off: 'not isolated: turned off with ?isolation=off',
      unavailable: 'not isolated: the host sends no COOP/COEP',
      failed: 'not isolated: the host sends no COOP/COEP and the service worker could not isolate the page',
    },
  },
  {
    webgpu: (vendor) => `WebGPU，运行在 ${vendor || 'GPU'} 上`,
    webgl: (renderer) => `WebGL，运行在 ${renderer} 上`,
    wasmThreads: 'WebAssembly 多线程（页面已跨源隔离）',
    wasmSingle: 'WebAssembly 单线程（服务器没有发送跨源隔离响应头）',
    cpu: '纯 JavaScript，最慢；因为更快的后端都没能启动',
    wasmLabel: (simd, threads) => `WASM（${simd ? 'SIMD' : '无 SIMD'}，${threads} 个线程）`,
    cpuLabel: 'CPU（纯 JavaScript）',
    didNotStart: (name) => `${name} 未能启动`,
    noBackend: (failures) => `没有一个 tfjs 后端能够启动（${failures}）`,
    separator: '；',
    isolation: {
      host: '由服务器跨源隔离',
      'service-worker': '由 service worker 跨源隔离',
      starting: '尚未隔离：service worker 正在启动',
      off: '未隔离：已用 ?isolation=off 关闭',
      unavailable: '未隔离：服务器没有发送 COOP/COEP',
      failed: '未隔离：服务器没有发送 COOP/COEP，service worker 也未能隔离页面',
    },
  },
);
