import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Flex, Grid, NumberInput, Toggle, Typography } from '@strapi/design-system';
import { ArrowClockwise, Check } from '@strapi/icons';
import {
  isFetchError,
  Layouts,
  Page,
  useAPIErrorHandler,
  useFetchClient,
  useNotification,
} from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Settings, SettingsResponse } from '../api';
import { PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { getTranslation } from '../utils/getTranslation';

/** Bounds the server validates against (server/src/validation). */
const LIMITS = {
  dedupeMinutes: { min: 0, max: 7 * 24 * 60 },
  rateLimit: { min: 0, max: 1_000_000 },
} as const;

type NumericSetting = keyof typeof LIMITS;

interface FormValues {
  dedupeMinutes: number | undefined;
  excludeBots: boolean;
  rateLimit: number | undefined;
}

type Loaded = { settings: Settings; defaults: Settings };

const sameValues = (a: FormValues, b: FormValues) =>
  a.dedupeMinutes === b.dedupeMinutes && a.excludeBots === b.excludeBots && a.rateLimit === b.rateLimit;

const invalidNumber = (name: NumericSetting, value: number | undefined) => {
  const { min, max } = LIMITS[name];
  return value === undefined || !Number.isInteger(value) || value < min || value > max;
};

interface NumberSettingProps {
  name: NumericSetting;
  label: string;
  hint: string;
  error: string | undefined;
  value: number | undefined;
  /** Remount key: see `revision` in SettingsForm. */
  revision: number;
  onChange: (value: number | undefined) => void;
}

const NumberSetting = ({ name, label, hint, error, value, revision, onChange }: NumberSettingProps) => (
  <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
    <Field.Root name={name} error={error} hint={hint}>
      <Field.Label>{label}</Field.Label>
      <NumberInput key={revision} value={value} onValueChange={onChange} min={LIMITS[name].min} max={LIMITS[name].max} step={1} />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  </Grid.Item>
);

const SettingsForm = ({ loaded, onSaved }: { loaded: Loaded; onSaved: (loaded: Loaded) => void }) => {
  const { formatMessage, formatNumber } = useIntl();
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler(getTranslation);
  const [values, setValues] = useState<FormValues>(loaded.settings);
  const [isSaving, setIsSaving] = useState(false);
  // The design system's NumberInput keeps the typed text over a changed `value` prop, so values
  // set from outside (restore defaults, the saved response) remount the inputs.
  const [revision, setRevision] = useState(0);
  const { defaults } = loaded;
  const replaceValues = (next: FormValues) => {
    setValues(next);
    setRevision((current) => current + 1);
  };

  const errors = {
    dedupeMinutes: invalidNumber('dedupeMinutes', values.dedupeMinutes),
    rateLimit: invalidNumber('rateLimit', values.rateLimit),
  };
  const errorMessage = (name: NumericSetting) =>
    errors[name]
      ? formatMessage(
          { id: getTranslation('settings.error.range'), defaultMessage: 'Enter a whole number from {min} to {max}' },
          { min: formatNumber(LIMITS[name].min), max: formatNumber(LIMITS[name].max) },
        )
      : undefined;
  const defaultHint = (value: string) =>
    formatMessage({ id: getTranslation('settings.default'), defaultMessage: 'Default: {value}' }, { value });
  const onOff = (on: boolean) =>
    on
      ? formatMessage({ id: getTranslation('settings.on'), defaultMessage: 'On' })
      : formatMessage({ id: getTranslation('settings.off'), defaultMessage: 'Off' });

  const isModified = !sameValues(values, loaded.settings);
  const canSave = isModified && !errors.dedupeMinutes && !errors.rateLimit && !isSaving;

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!canSave) return;
    setIsSaving(true);
    try {
      const body: Settings = {
        dedupeMinutes: values.dedupeMinutes ?? defaults.dedupeMinutes,
        excludeBots: values.excludeBots,
        rateLimit: values.rateLimit ?? defaults.rateLimit,
      };
      const { data } = await put<SettingsResponse, Settings>(`/${PLUGIN_ID}/settings`, body);
      onSaved(data.data);
      replaceValues(data.data.settings);
      toggleNotification({
        type: 'success',
        message: formatMessage({ id: getTranslation('settings.saved'), defaultMessage: 'Settings saved' }),
      });
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: isFetchError(error)
          ? formatAPIError(error)
          : formatMessage({ id: 'notification.error', defaultMessage: 'An error occurred' }),
      });
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form onSubmit={save} noValidate>
      <Layouts.Header
        title={formatMessage({ id: getTranslation('plugin.name'), defaultMessage: 'View counter' })}
        subtitle={formatMessage({
          id: getTranslation('settings.description'),
          defaultMessage: 'How views are counted. These settings override the defaults from the server configuration.',
        })}
        primaryAction={
          <Flex gap={2}>
            <Button
              type="button"
              variant="tertiary"
              startIcon={<ArrowClockwise />}
              disabled={sameValues(values, defaults) || isSaving}
              onClick={() => replaceValues(defaults)}
            >
              {formatMessage({ id: getTranslation('settings.restore'), defaultMessage: 'Restore defaults' })}
            </Button>
            <Button type="submit" startIcon={<Check />} disabled={!canSave} loading={isSaving}>
              {formatMessage({ id: 'global.save', defaultMessage: 'Save' })}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6} background="neutral0" padding={6} shadow="filterShadow" hasRadius>
          <Typography variant="delta" tag="h2">
            {formatMessage({ id: getTranslation('settings.section'), defaultMessage: 'Counting' })}
          </Typography>
          <Grid.Root gap={6}>
            <NumberSetting
              name="dedupeMinutes"
              label={formatMessage({ id: getTranslation('settings.dedupeMinutes.label'), defaultMessage: 'Dedupe window (minutes)' })}
              hint={`${formatMessage({
                id: getTranslation('settings.dedupeMinutes.hint'),
                defaultMessage: 'Repeat views by the same visitor within this window count once; 0 counts every view.',
              })} ${defaultHint(formatNumber(defaults.dedupeMinutes))}`}
              error={errorMessage('dedupeMinutes')}
              value={values.dedupeMinutes}
              revision={revision}
              onChange={(value) => setValues((current) => ({ ...current, dedupeMinutes: value }))}
            />
            <NumberSetting
              name="rateLimit"
              label={formatMessage({ id: getTranslation('settings.rateLimit.label'), defaultMessage: 'Rate limit (views per client per minute)' })}
              hint={`${formatMessage({
                id: getTranslation('settings.rateLimit.hint'),
                defaultMessage: 'Views accepted per client per minute; more are refused (429). 0 turns the limit off.',
              })} ${defaultHint(formatNumber(defaults.rateLimit))}`}
              error={errorMessage('rateLimit')}
              value={values.rateLimit}
              revision={revision}
              onChange={(value) => setValues((current) => ({ ...current, rateLimit: value }))}
            />
            <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root
                name="excludeBots"
                hint={`${formatMessage({
                  id: getTranslation('settings.excludeBots.hint'),
                  defaultMessage: 'Ignore bots, crawlers and link-preview fetchers.',
                })} ${defaultHint(onOff(defaults.excludeBots))}`}
              >
                <Field.Label>
                  {formatMessage({ id: getTranslation('settings.excludeBots.label'), defaultMessage: 'Exclude bots' })}
                </Field.Label>
                <Toggle
                  checked={values.excludeBots}
                  onLabel={onOff(true)}
                  offLabel={onOff(false)}
                  onChange={(event) => {
                    const excludeBots = event.currentTarget.checked;
                    setValues((current) => ({ ...current, excludeBots }));
                  }}
                />
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
          </Grid.Root>
        </Flex>
      </Layouts.Content>
    </form>
  );
};

const SettingsPage = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let active = true;
    get<SettingsResponse>(`/${PLUGIN_ID}/settings`)
      .then(({ data }) => active && setLoaded(data.data))
      .catch(() => active && setFailed(true));
    return () => {
      active = false;
    };
  }, [get]);

  const title = formatMessage(
    { id: 'Settings.PageTitle', defaultMessage: 'Settings - {name}' },
    { name: formatMessage({ id: getTranslation('plugin.name'), defaultMessage: 'View counter' }) },
  );

  if (failed) return <Page.Error />;
  if (!loaded) return <Page.Loading />;
  return (
    <>
      <Page.Title>{title}</Page.Title>
      <Page.Main>
        <SettingsForm loaded={loaded} onSaved={setLoaded} />
      </Page.Main>
    </>
  );
};

const ProtectedSettingsPage = () => (
  <Page.Protect permissions={PERMISSIONS.settings}>
    <SettingsPage />
  </Page.Protect>
);

export default ProtectedSettingsPage;
