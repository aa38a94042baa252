import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Spin, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { LoadError, NotFoundPage } from '../../components/ErrorPages';
import {
  hasFileIssues,
  hasMappingIssues,
  type ImportJob,
  type ImportMode,
  isEditable,
  useImportJob,
} from './api';
import { CheckStep } from './CheckStep';
import { IMPORT_ENTITIES, type ImportEntity, isImportKind } from './entities';
import { MappingStep } from './MappingStep';
import { ResultStep } from './ResultStep';
import { RunStep } from './RunStep';
import { UploadDropzone, UploadedFile } from './UploadStep';

const STEPS = ['upload', 'mapping', 'check', 'run', 'result'] as const;
const [UPLOAD, MAPPING, CHECK, RUN, RESULT] = [0, 1, 2, 3, 4];

/** Where a job opened from the list continues: at its first unfinished step. */
function stepOf(job: ImportJob): number {
  if (job.status === 'done' || job.status === 'failed') return RESULT;
  if (job.status === 'running') return RUN;
  if (hasFileIssues(job)) return UPLOAD;
  if (job.status === 'validated') return CHECK;
  return MAPPING;
}

function Frame({
  entity,
  step,
  children,
}: {
  entity: ImportEntity;
  step: number;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(`imports.heading.${entity.kind}`)}
        </Typography.Title>
        <Link to="/imports">
          <Button icon={<ArrowLeftOutlined />}>{t('imports.back')}</Button>
        </Link>
      </Flex>
      <Card>
        <Steps
          data-testid="import-steps"
          current={step}
          size="small"
          style={{ marginBottom: 24 }}
          items={STEPS.map((s) => ({ key: s, title: t(`imports.steps.${s}`) }))}
        />
        {children}
      </Card>
    </>
  );
}

/** The wizard on an uploaded job: steps 1–5, moving on by itself when the run starts and ends. */
function JobWizard({ job, entity }: { job: ImportJob; entity: ImportEntity }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [step, setStep] = useState<number>((location.state as { step?: number } | null)?.step ?? stepOf(job));
  const [mode, setMode] = useState<ImportMode>(job.mode ?? 'create_only');
  useEffect(() => {
    if (job.status === 'running') setStep(RUN);
    if (job.status === 'done' || job.status === 'failed') setStep(RESULT);
  }, [job.status]);

  const blocked =
    (step === UPLOAD && hasFileIssues(job)) ||
    (step === MAPPING && hasMappingIssues(job)) ||
    !isEditable(job);
  return (
    <Frame entity={entity} step={step}>
      {step === UPLOAD && <UploadedFile job={job} />}
      {step === MAPPING && <MappingStep job={job} entity={entity} />}
      {step === CHECK && <CheckStep job={job} mode={mode} />}
      {step === RUN && <RunStep job={job} mode={mode} onMode={setMode} />}
      {step === RESULT && <ResultStep job={job} entity={entity} />}
      {step < RUN && isEditable(job) && (
        <Flex justify="space-between" style={{ marginTop: 24 }}>
          {step > UPLOAD ? (
            <Button onClick={() => setStep(step - 1)} data-testid="wizard-back">
              {t('imports.previous')}
            </Button>
          ) : (
            <Link to={`/imports/new/${entity.kind}`}>
              <Button>{t('imports.upload.another')}</Button>
            </Link>
          )}
          <Button
            type="primary"
            disabled={blocked}
            onClick={() => setStep(step + 1)}
            data-testid="wizard-next"
          >
            {t('imports.next')}
          </Button>
        </Flex>
      )}
      {step === RUN && isEditable(job) && (
        <Button style={{ marginTop: 24 }} onClick={() => setStep(CHECK)} data-testid="wizard-back">
          {t('imports.previous')}
        </Button>
      )}
    </Frame>
  );
}

/** /imports/new/:kind — the first step; /imports/:id — a job, continued where it stands. */
export default function ImportWizardPage() {
  const { id, kind } = useParams();
  const job = useImportJob(id);
  if (id === undefined) {
    if (!isImportKind(kind)) return <NotFoundPage />;
    const entity = IMPORT_ENTITIES[kind];
    return (
      <Frame entity={entity} step={UPLOAD}>
        <UploadDropzone entity={entity} />
      </Frame>
    );
  }
  if (job.error) return <LoadError error={job.error} onRetry={() => void job.refetch()} />;
  if (!job.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  return <JobWizard key={job.data.id} job={job.data} entity={IMPORT_ENTITIES[job.data.kind]} />;
}
