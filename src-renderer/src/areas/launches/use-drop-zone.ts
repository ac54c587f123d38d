import { useRef, useState, type DragEvent } from 'react';

/**
 * A drop target for files dragged in from the desktop: `over` while files hover it (the zone
 * lights up), `onFiles` with the dropped files. Other drags (text, a link) are left alone.
 */
export function useDropZone(onFiles: (files: File[]) => void, disabled = false) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them, so the zone stays lit
  const depth = useRef(0);
  const carriesFiles = (e: DragEvent) => !disabled && Array.from(e.dataTransfer.types).includes('Files');
  const props = {
    onDragEnter: (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setOver(true);
    },
    onDragOver: (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    },
    onDrop: (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth.current = 0;
      setOver(false);
      // a drop zone inside this one (a slot in a folder) took the files already: this one only goes dark
      if (e.isDefaultPrevented()) return;
      e.preventDefault();
      const files = Array.from(e.dataTransfer.files);
      if (files.length > 0) onFiles(files);
    },
  };
  return { over, props };
}
