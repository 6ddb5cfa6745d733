import { CheckCircleFilled, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Space } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionErrorText } from '../../../shared/i18n/describe';
import { checkMaterials, type GuideItem, type Notification } from '../hooks/useServiceGuide';
import { printOnly } from './print';

/**
 * The one-time notification (一次性告知): the applicant ticks what they have and gets, at once,
 * the printable list of every required material still missing.
 */
export function NotificationPanel({
  divisionCode,
  guide,
  centerName,
}: {
  divisionCode: string;
  guide: GuideItem;
  centerName: string;
}) {
  const { t, i18n } = useTranslation();
  const [ticked, setTicked] = useState<string[]>([]);
  const [told, setTold] = useState<Notification | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const sheetRef = useRef<HTMLDivElement>(null);

  const tick = (names: string[]) => {
    setTicked(names);
    setTold(null); // an answer for other ticks would mislead
  };
  const check = async () => {
    setChecking(true);
    setError(null);
    try {
      setTold(await checkMaterials(divisionCode, guide.code, ticked));
    } catch (failure) {
      setError(failure);
    } finally {
      setChecking(false);
    }
  };

  return (
    <Card title={t('guide.notification.title')}>
      {guide.materials.length === 0 ? (
        <p>{t('guide.notification.noMaterials')}</p>
      ) : (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <div className="guide-muted">{t('guide.notification.hint')}</div>
          <Checkbox.Group
            className="guide-checklist"
            value={ticked}
            onChange={(values) => tick(values as string[])}
            style={{ display: 'flex', flexDirection: 'column' }}
            data-testid="guide-checklist"
          >
            {guide.materials.map((material) => (
              <Checkbox
                key={material.name}
                value={material.name}
                data-testid="guide-material-check"
                data-material={material.name}
              >
                {material.name}
                {material.required && (
                  <span style={{ color: '#c8102e', marginLeft: 6 }}>*{t('guide.required')}</span>
                )}
              </Checkbox>
            ))}
          </Checkbox.Group>
          <Space wrap>
            <Button size="large" onClick={() => tick(guide.materials.map((m) => m.name))}>
              {t('guide.notification.haveAll')}
            </Button>
            <Button size="large" onClick={() => tick([])}>
              {t('guide.notification.clear')}
            </Button>
            <Button
              size="large"
              type="primary"
              loading={checking}
              onClick={() => void check()}
              data-testid="guide-check"
            >
              {t('guide.notification.check')}
            </Button>
          </Space>
          {error !== null && <Alert type="error" showIcon message={actionErrorText(t, error)} />}
          {told && (
            <div ref={sheetRef} data-testid="guide-notification" aria-live="polite">
              <div className="guide-print-only">
                <h2>{t('guide.notification.sheetTitle')}</h2>
                <p>{t('guide.notification.sheetCenter', { center: centerName })}</p>
                <p>{t('guide.notification.sheetItem', { name: told.name, code: told.code })}</p>
                <p>
                  {t('guide.notification.sheetDate', {
                    date: new Date().toLocaleDateString(i18n.language),
                  })}
                </p>
              </div>
              {told.complete ? (
                <Alert
                  type="success"
                  showIcon
                  icon={<CheckCircleFilled />}
                  message={t('guide.notification.complete')}
                  data-testid="guide-complete"
                />
              ) : (
                <Alert
                  type="warning"
                  showIcon
                  message={t('guide.notification.missingTitle', { count: told.missing.length })}
                  description={
                    <ol style={{ margin: 0, paddingLeft: 24 }} data-testid="guide-missing">
                      {told.missing.map((material) => (
                        <li key={material.name}>
                          {material.name} · {t(`guide.form.${material.form}`)} ·{' '}
                          {t('guide.copies', { count: material.copies })}
                          {material.notes && <div className="guide-muted">{material.notes}</div>}
                        </li>
                      ))}
                    </ol>
                  }
                />
              )}
              {told.optionalMissing.length > 0 && (
                <div style={{ marginTop: 12 }}>
                  <div className="guide-muted">{t('guide.notification.optionalTitle')}</div>
                  <ul style={{ margin: 0, paddingLeft: 24 }}>
                    {told.optionalMissing.map((material) => (
                      <li key={material.name}>{material.name}</li>
                    ))}
                  </ul>
                </div>
              )}
              <Button
                size="large"
                icon={<PrinterOutlined />}
                onClick={() => printOnly(sheetRef.current)}
                className="guide-no-print"
                style={{ marginTop: 12 }}
                data-testid="guide-notification-print"
              >
                {t('guide.notification.print')}
              </Button>
            </div>
          )}
        </Space>
      )}
    </Card>
  );
}
