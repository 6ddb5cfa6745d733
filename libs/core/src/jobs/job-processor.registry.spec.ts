import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { JobProcessorRegistry } from './job-processor.registry';
import { JobHandler, JobProcessor, jobDeclarationOf } from './job-queue';

@JobProcessor({ name: 'test.first', scope: 'platform' })
class FirstJob implements JobHandler {
  async process() {
    return 'first';
  }
}

@JobProcessor({ name: 'test.second', scope: 'tenant' })
class SecondJob implements JobHandler {
  async process() {
    return 'second';
  }
}

@JobProcessor({ name: 'test.first', scope: 'platform' })
class ClashingJob implements JobHandler {
  async process() {
    return 'clash';
  }
}

/** A plain provider without the decorator is not a processor. */
class NotAJob {}

async function registryOf(...providers: (new () => unknown)[]) {
  @Module({ imports: [DiscoveryModule], providers: [...providers, JobProcessorRegistry] })
  class Host {}
  const module = await Test.createTestingModule({ imports: [Host] }).compile();
  await module.init();
  return module.get(JobProcessorRegistry);
}

describe('JobProcessorRegistry', () => {
  it('finds every @JobProcessor provider by its declared name, and nothing else', async () => {
    const registry = await registryOf(FirstJob, SecondJob, NotAJob);
    expect(registry.jobNames).toEqual(['test.first', 'test.second']);
    expect(registry.find('test.second')?.declaration.scope).toBe('tenant');
    expect(await registry.find('test.first')?.handler.process({})).toBe('first');
    expect(registry.find('NotAJob')).toBeUndefined();
  });

  it('refuses two processors declaring one job name', async () => {
    await expect(registryOf(FirstJob, ClashingJob)).rejects.toThrow(
      'Two processors declare the job "test.first"',
    );
  });

  it('reads the declaration of a processor class, and refuses a class without one', () => {
    expect(jobDeclarationOf(SecondJob)).toEqual({ name: 'test.second', scope: 'tenant' });
    expect(() => jobDeclarationOf(NotAJob)).toThrow('NotAJob is not a @JobProcessor');
  });
});
