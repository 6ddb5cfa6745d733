/**
 * antd 5 renders a few things outside the React tree (button wave effect, static message /
 * modal methods) with ReactDOM.render, which React 19 removed. This hands it React 19's
 * createRoot instead (what @ant-design/v5-patch-for-react-19 does).
 */
import { unstableSetRender } from 'antd';
import { createRoot, type Root } from 'react-dom/client';

const roots = new WeakMap<Element | DocumentFragment, Root>();

export function enableAntdOnReact19(): void {
  unstableSetRender((node, container) => {
    let root = roots.get(container);
    if (!root) {
      root = createRoot(container);
      roots.set(container, root);
    }
    root.render(node);
    return async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      root.unmount();
      roots.delete(container);
    };
  });
}
