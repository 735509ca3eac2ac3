"use client";
// The door: type a code and press Enter (works without JavaScript), or, where the browser has
// a BarcodeDetector and a camera, scan the ticket's QR code, which submits the same form.
import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useLocale, useTranslations } from "@/components/i18n/client-text";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formatEventDate, formatEventTime } from "@/lib/i18n/format";
import type { CheckInFormState } from "./actions";

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type DetectorConstructor = new (options: { formats: string[] }) => Detector;

const subscribeNothing = () => () => {};

function useScannerSupport(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => "BarcodeDetector" in window && Boolean(navigator.mediaDevices?.getUserMedia),
    () => false,
  );
}

/** `action` is checkInAction bound to the event by the page (a server component): see page.tsx. */
export function CheckInForm({
  action,
}: {
  action: (previous: CheckInFormState | null, formData: FormData) => Promise<CheckInFormState | null>;
}) {
  const t = useTranslations("CheckIn");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const scannerSupported = useScannerSupport();
  const [scanning, setScanning] = useState(false);
  const [cameraFailed, setCameraFailed] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  // Read by the scanning loop without restarting the camera on every submit.
  const pendingRef = useRef(pending);
  useEffect(() => {
    pendingRef.current = pending;
  }, [pending]);

  // Ready for the next guest: focus back in the field after every answer.
  useEffect(() => {
    if (state && !scanning) inputRef.current?.focus();
  }, [state, scanning]);

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        if (stopped || !videoRef.current) return;
        videoRef.current.srcObject = stream;
        await videoRef.current.play();
        const Detector = (window as unknown as { BarcodeDetector: DetectorConstructor }).BarcodeDetector;
        const detector = new Detector({ formats: ["qr_code"] });
        let last = "";
        timer = setInterval(async () => {
          if (!videoRef.current || pendingRef.current) return;
          const [found] = await detector.detect(videoRef.current).catch(() => []);
          // The same ticket held in front of the camera is submitted once, not every frame.
          if (found?.rawValue && found.rawValue !== last && inputRef.current && formRef.current) {
            last = found.rawValue;
            inputRef.current.value = found.rawValue;
            formRef.current.requestSubmit();
          }
        }, 400);
      } catch {
        setCameraFailed(true);
        setScanning(false);
      }
    })();
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [scanning]);

  const when = state?.checkedInAt
    ? `${formatEventDate(state.checkedInAt, locale, state.timeZone)} ${formatEventTime(state.checkedInAt, locale, state.timeZone)}`
    : "";
  const message = state ? t(`result.${state.status}`, { name: state.holderName ?? "", type: state.ticketType ?? "", time: when }) : null;
  const tone = state?.status === "checked_in" ? "success" : state?.status === "already_checked_in" ? "warning" : "danger";

  return (
    <div className="flex flex-col gap-4">
      {message ? (
        <Notice key={state?.at} tone={tone} className="text-lg">
          {message}
        </Notice>
      ) : null}
      <form ref={formRef} action={formAction} noValidate className="flex flex-col gap-4 sm:flex-row sm:items-end">
        <Field
          ref={inputRef}
          key={state?.at ?? 0}
          id="ticket-code"
          name="code"
          label={t("codeLabel")}
          hint={t("codeHint")}
          defaultValue={state?.code ?? ""}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          autoFocus
          required
          className="grow"
        />
        <Button type="submit" size="lg" disabled={pending} aria-disabled={pending}>
          {pending ? t("checking") : t("submit")}
        </Button>
      </form>
      {scannerSupported ? (
        <div className="flex flex-col gap-3">
          <Button variant="secondary" size="lg" onClick={() => setScanning((on) => !on)} className="self-start">
            {scanning ? t("stopScan") : t("scan")}
          </Button>
          {scanning ? (
            <>
              <p className="text-zinc-700">{t("scanHint")}</p>
              <video ref={videoRef} aria-label={t("videoLabel")} muted playsInline className="w-full max-w-md rounded-xl bg-black" />
            </>
          ) : null}
          {cameraFailed ? <Notice tone="warning">{t("cameraUnavailable")}</Notice> : null}
        </div>
      ) : null}
    </div>
  );
}
