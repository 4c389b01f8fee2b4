/**
 * Reading a member card's QR code (or barcode) with the tablet's camera: the browser's `BarcodeDetector`
 * where it exists, else jsQR on video frames (loaded only when needed). The camera is stopped by the
 * returned function; the screen that started it calls it when it goes away.
 *
 * Browsers only give the camera to secure pages (https or localhost): a kiosk opened over plain http on the
 * LAN has none, and `cameraAvailable()` says so, so the kiosk does not offer it.
 */

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?(): Promise<string[]>;
}

const WANTED_FORMATS = ['qr_code', 'code_128', 'code_39', 'ean_13', 'data_matrix'];
const FRAME_MS = 200;
const SAMPLE_WIDTH = 640;

export function cameraAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}

type Decoder = (video: HTMLVideoElement) => Promise<string | null>;

async function nativeDecoder(): Promise<Decoder | null> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (!Detector) return null;
  try {
    const supported = (await Detector.getSupportedFormats?.()) ?? WANTED_FORMATS;
    const formats = WANTED_FORMATS.filter((f) => supported.includes(f));
    if (formats.length === 0) return null;
    const detector = new Detector({ formats });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  } catch {
    return null;
  }
}

async function jsQrDecoder(): Promise<Decoder> {
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return null;
    const scale = Math.min(1, SAMPLE_WIDTH / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
  };
}

/**
 * Show the camera in `video` and call `onCode` once with the first code read. Rejects when there is no
 * camera or it was refused. Returns the function that stops everything.
 */
export async function startCameraScan(video: HTMLVideoElement, onCode: (code: string) => void): Promise<() => void> {
  if (!cameraAvailable()) throw new Error('no camera on this page');
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 720 } },
    audio: false,
  });
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const stop = () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  try {
    video.srcObject = stream;
    video.muted = true;
    await video.play();
    const decode = (await nativeDecoder()) ?? (await jsQrDecoder());
    const tick = async () => {
      if (stopped) return;
      let code: string | null = null;
      try {
        code = (await decode(video))?.trim() || null;
      } catch {
        code = null;
      }
      if (stopped) return;
      if (code) {
        stop();
        onCode(code);
        return;
      }
      timer = setTimeout(() => void tick(), FRAME_MS);
    };
    void tick();
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
