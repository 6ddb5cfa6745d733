/** The product mark: 通 on the brand red, drawn inline so it needs no asset request. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role="img" aria-hidden="true">
      <rect width="64" height="64" rx="14" fill="#c8102e" />
      <text
        x="32"
        y="44"
        fontSize="34"
        fontWeight="700"
        textAnchor="middle"
        fill="#fff"
        fontFamily="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif"
      >
        通
      </text>
    </svg>
  );
}
