import { describe, expect, it } from 'vitest';
import { analyticsSettingsSchema, DEFAULT_ANALYTICS_SETTINGS } from '../../../shared/analytics.js';
import { withDefaults } from './settingsService.js';

describe('settings saved by an older release', () => {
  it('keep their values and get the fields added since inside a group from the defaults', () => {
    // saved before churnSignals.csiDropForFullScore existed, with the admin's own survey window
    const saved = {
      ...DEFAULT_ANALYTICS_SETTINGS,
      windowMonths: 18,
      churnSignals: { complaintDays: 60, complaintsForFullScore: 5, surveyDays: 90 },
    };
    const parsed = analyticsSettingsSchema.parse(withDefaults(saved as never));
    expect(parsed.windowMonths).toBe(18);
    expect(parsed.churnSignals).toEqual({
      complaintDays: 60,
      complaintsForFullScore: 5,
      surveyDays: 90,
      csiDropForFullScore: 20,
    });
  });

  it('leave no field a saved group lacks unfilled, and keep a saved value over the default', () => {
    const { nightlyHour: _, ...withoutHour } = DEFAULT_ANALYTICS_SETTINGS;
    const merged = withDefaults({ ...withoutHour, churnWeights: { ...withoutHour.churnWeights, csi: 0.5 } });
    expect(analyticsSettingsSchema.parse(merged)).toEqual({
      ...DEFAULT_ANALYTICS_SETTINGS,
      churnWeights: { ...DEFAULT_ANALYTICS_SETTINGS.churnWeights, csi: 0.5 },
    });
  });
});
