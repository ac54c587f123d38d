import type { LaunchStage } from '../../../shared/stage';
import type { StagePreview, StageState, StageStep, StageUpload } from '../../../shared/contract/stage';
import type { SettingsService } from '../settings';
import type { EventBus } from '../event-bus';

/**
 * What the stage decides elsewhere, as the owners report it (createCore connects them): the
 * uploads waiting for a pre-launch approval, and the Class B steps of enabled workflows.
 */
export interface StageEffects {
  pendingUploads(): StageUpload[];
  classBSteps(): StageStep[];
}

/** The launch stage (docs/architecture.md): the stored setting, overridden by LEVQOR_LAUNCH_STAGE. */
export class StageService {
  private effects: StageEffects = { pendingUploads: () => [], classBSteps: () => [] };

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

  connectEffects(effects: StageEffects): void {
    this.effects = effects;
  }

  /** What switching to `stage` would do; changes nothing. */
  preview(stage: LaunchStage): StagePreview {
    const envOverride = this.settings.envOverride('stage');
    const current = this.current;
    const changes = (envOverride ?? stage) !== current;
    return {
      stage,
      current,
      changes,
      ...(envOverride ? { envOverride } : {}),
      releasedUploads: changes && stage === 'post-launch' ? this.effects.pendingUploads() : [],
      classBSteps: changes ? this.effects.classBSteps() : [],
    };
  }

  set(stage: LaunchStage): StageState {
    this.settings.set('stage', stage);
    const state = this.state();
    this.events.emit('stage.changed', state);
    return state;
  }
}
