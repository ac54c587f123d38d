import type { LaunchStage } from '../../../shared/stage';
import type { StageState } from '../../../shared/contract/stage';
import type { SettingsService } from '../settings';
import type { EventBus } from '../event-bus';

/** The launch stage (docs/architecture.md): the stored setting, overridden by LEVQOR_LAUNCH_STAGE. */
export class StageService {
  constructor(
    private readonly settings: SettingsService,
    private readonly events: EventBus,
  ) {}

  get current(): LaunchStage {
    return this.settings.get('stage');
  }

  state(): StageState {
    const envOverride = this.settings.envOverride('stage');
    const source = this.settings.entry('stage').source;
    return {
      stage: this.current,
      stored: this.settings.getStored('stage'),
      source,
      ...(envOverride ? { envOverride } : {}),
    };
  }

  set(stage: LaunchStage): StageState {
    this.settings.set('stage', stage);
    const state = this.state();
    this.events.emit('stage.changed', state);
    return state;
  }
}
