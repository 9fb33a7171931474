import { Notice } from "@/components/ui/Notice";

/** What the last action did or why it was refused, carried in the URL so it also works without JavaScript. */
export function PageNotice({ success, error }: { success?: string | null; error?: string | null }) {
  if (error) {
    return (
      <div className="mb-4">
        <Notice tone="error" role="alert">
          <p>{error}</p>
        </Notice>
      </div>
    );
  }
  if (!success) return null;
  return (
    <div className="mb-4">
      <Notice tone="success" role="status">
        <p>{success}</p>
      </Notice>
    </div>
  );
}
