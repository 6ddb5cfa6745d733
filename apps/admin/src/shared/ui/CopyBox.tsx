import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button, Input, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

async function copyText(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // permission refused or not a secure context: fall back to a selection copy
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** A read-only value (a setup link) with a copy button; the text can also be selected. */
export function CopyBox({ value, testId }: { value: string; testId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!copied) return undefined;
    const timer = window.setTimeout(() => setCopied(false), 2500);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    const field = wrapper.current?.querySelector('input') ?? null;
    if (await copyText(value, field)) setCopied(true);
    else void message.warning(t('common.copyFailed'));
  };

  return (
    <div ref={wrapper}>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
          data-testid={testId}
        />
        <Button
          type="primary"
          icon={copied ? <CheckOutlined /> : <CopyOutlined />}
          onClick={() => void copy()}
          data-testid={`${testId}-copy`}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </Space.Compact>
    </div>
  );
}
