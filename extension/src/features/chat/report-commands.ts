// /models and /cost: reports from the engine, with buttons to act on them.
import { costReport } from './cost-report.js';
import { modelsReport } from './models-report.js';
import type { ChatTurn, CommandResult } from './turn.js';

export async function listModels(turn: ChatTurn): Promise<CommandResult> {
  const { services, stream } = turn;
  stream.progress('Looking up models…');
  const engine = await services.engine();
  const [models, providers, current] = await Promise.all([
    engine.models(),
    engine.providers(),
    services.currentModel().catch(() => undefined),
  ]);
  stream.markdown(
    modelsReport({
      models,
      providers,
      aliases: services.settings().aliases,
      ...(current ? { current } : {}),
    }),
  );
  stream.button({ title: 'Select Model', command: 'switchboard.selectModel' });
  if (providers.some((provider) => provider.readiness === 'needs-setup')) {
    stream.button({ title: 'Set API Key', command: 'switchboard.setApiKey' });
  }
  return { command: 'models' };
}

export async function showCost(turn: ChatTurn): Promise<CommandResult> {
  const { services, stream } = turn;
  const engine = await services.engine();
  const [spend, today] = await Promise.all([engine.spend(), engine.usage(1)]);
  stream.markdown(costReport({ spend, today, budget: services.settings().budget }));
  stream.button({ title: 'Show Usage', command: 'switchboard.showUsage' });
  return { command: 'cost' };
}
