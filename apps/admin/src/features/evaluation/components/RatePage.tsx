import { ConfigProvider, Button, Result, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EvaluationLinkDocument,
  type EvaluationLinkQuery,
  RateByLinkDocument,
} from '../../../shared/api/graphql.generated';
import { createGraphQLRequest } from '../../../shared/api/transport';
import { LanguageSwitch } from '../../../shared/ui/LanguageSwitch';
import { Logo } from '../../../shared/ui/Logo';
import { isBadRating, RATINGS, tokenFromHash } from '../rules/evaluation-rules';
import { evaluationErrorText } from './evaluation-text';

// No session and no Apollo Client: the applicant rates without signing in.
const request = createGraphQLRequest((url, init) => fetch(url, init));

/** Large targets: the page is opened on a phone from a text message, or on a hall's tablet. */
const RATE_THEME = { token: { fontSize: 18, controlHeight: 56, controlHeightLG: 64 } };

const COLORS: Record<number, string> = {
  5: '#389e0d',
  4: '#7cb305',
  3: '#d4b106',
  2: '#d46b08',
  1: '#cf1322',
};

type Link = EvaluationLinkQuery['evaluationLink'];

/**
 * 好差评 by link, `/rate#<token>`: what is rated (the hall, the item, the stage), five levels
 * to choose from, and a thank-you. A link rates once; used or expired links say so.
 */
export function RatePage() {
  const { t } = useTranslation();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [link, setLink] = useState<Link | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState<number | null>(null);
  const [rated, setRated] = useState<number | null>(null);

  useEffect(() => {
    if (!token) return;
    request(EvaluationLinkDocument, { token }).then(
      (data) => setLink(data.evaluationLink),
      (error: unknown) => setFailure(error),
    );
  }, [token]);

  const rate = async (rating: number) => {
    if (!token) return;
    setSending(rating);
    try {
      await request(RateByLinkDocument, { input: { token, rating } });
      setRated(rating);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(null);
    }
  };

  let body;
  if (!token) {
    body = (
      <Result
        status="warning"
        title={<span data-testid="rate-error">{t('evaluation.rateNoToken')}</span>}
      />
    );
  } else if (rated !== null) {
    body = (
      <Result
        status="success"
        title={
          <span data-testid="rate-thanks">
            {isBadRating(rated) ? t('evaluation.rateThanksBad') : t('evaluation.rateThanks')}
          </span>
        }
      />
    );
  } else if (failure) {
    body = (
      <Result
        status="warning"
        title={t('evaluation.rateFailed')}
        subTitle={<span data-testid="rate-error">{evaluationErrorText(t, failure)}</span>}
      />
    );
  } else if (!link) {
    body = (
      <div style={{ padding: 64, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  } else {
    body = (
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <div style={{ textAlign: 'center' }}>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {t('evaluation.rateTitle')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="rate-subject">
            {t('evaluation.rateSubtitle', { tenant: link.tenantName, item: link.itemName })}（
            {t(`evaluation.rateStages.${link.stage}`)}）
          </Typography.Text>
        </div>
        {RATINGS.map((rating) => (
          <Button
            key={rating}
            block
            size="large"
            loading={sending === rating}
            disabled={sending !== null}
            onClick={() => void rate(rating)}
            style={{ borderColor: COLORS[rating], color: COLORS[rating], height: 64 }}
            data-testid={`rate-${rating}`}
          >
            {t(`evaluation.ratings.r${rating}`)}
          </Button>
        ))}
      </Space>
    );
  }

  return (
    <ConfigProvider theme={RATE_THEME}>
      <div style={{ minHeight: '100vh', background: '#f5f7fa', padding: '16px 16px 48px' }}>
        <div
          style={{
            maxWidth: 520,
            margin: '0 auto',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            marginBottom: 16,
          }}
        >
          <Logo size={36} />
          <LanguageSwitch compact />
        </div>
        <div
          style={{
            maxWidth: 520,
            margin: '0 auto',
            background: '#fff',
            borderRadius: 12,
            padding: 24,
          }}
          data-testid="rate-page"
        >
          {body}
        </div>
      </div>
    </ConfigProvider>
  );
}
