import { describe, expect, it } from 'vitest';
import { chooseBackends, isSoftwareRenderer, type BackendProbe } from '../../src/widgets/kit/backend';

const none: BackendProbe = { crossOriginIsolated: false, webgpu: null, webglRenderer: null };

describe('backend choice', () => {
  it('uses WASM then CPU when there is no GPU', () => {
    expect(chooseBackends(none).map((c) => c.name)).toEqual(['wasm', 'cpu']);
    expect(chooseBackends(none)[0].reason).toMatch(/single-threaded/);
    expect(chooseBackends({ ...none, crossOriginIsolated: true })[0].reason).toMatch(/threads/);
  });

  it('never picks a software renderer such as SwiftShader', () => {
    const swift: BackendProbe = {
      crossOriginIsolated: true,
      webgpu: { isFallbackAdapter: false, vendor: 'google', architecture: 'swiftshader', description: '' },
      webglRenderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    };
    expect(chooseBackends(swift).map((c) => c.name)).toEqual(['wasm', 'cpu']);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(
      chooseBackends({
        ...none,
        webgpu: { isFallbackAdapter: true, vendor: 'x', architecture: '', description: '' },
      })[0].name,
    ).toBe('wasm');
  });

  it('prefers a real GPU: WebGPU, then WebGL', () => {
    const real: BackendProbe = {
      crossOriginIsolated: false,
      webgpu: { isFallbackAdapter: false, vendor: 'nvidia', architecture: 'ampere', description: '' },
      webglRenderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)',
    };
    expect(chooseBackends(real).map((c) => c.name)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(chooseBackends({ ...real, webgpu: null }).map((c) => c.name)).toEqual(['webgl', 'wasm', 'cpu']);
  });
});
