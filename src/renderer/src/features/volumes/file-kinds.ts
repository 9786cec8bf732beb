/** What ML files are, by extension: a name for the kind and how to open it, where a preview can't show it. */
export interface FileKind {
  label: string;
  hint: string;
}

const KINDS: Record<string, FileKind> = {
  pt: { label: 'PyTorch checkpoint', hint: 'Load it with torch.load() (it is a pickle: only from sources you trust).' },
  pth: {
    label: 'PyTorch checkpoint',
    hint: 'Load it with torch.load() (it is a pickle: only from sources you trust).',
  },
  ckpt: { label: 'Model checkpoint', hint: 'Usually PyTorch Lightning: load it with torch.load() or the model class.' },
  safetensors: {
    label: 'safetensors weights',
    hint: 'Tensors without code: load with safetensors.torch.load_file() or transformers.',
  },
  bin: { label: 'Binary weights', hint: 'Often a Hugging Face PyTorch checkpoint (pytorch_model.bin).' },
  gguf: { label: 'GGUF model', hint: 'Quantized weights for llama.cpp and Ollama.' },
  onnx: { label: 'ONNX model', hint: 'Open it with onnxruntime or Netron.' },
  h5: { label: 'HDF5 file', hint: 'Keras weights or arrays: open with h5py or keras.models.load_model().' },
  parquet: { label: 'Parquet table', hint: 'Columnar data: open with pandas.read_parquet() or DuckDB.' },
  arrow: { label: 'Arrow table', hint: 'Open with pyarrow or datasets.load_from_disk().' },
  feather: { label: 'Feather table', hint: 'Open with pandas.read_feather().' },
  pkl: { label: 'Python pickle', hint: 'Open with pickle.load() or joblib.load(), only from sources you trust.' },
  pickle: { label: 'Python pickle', hint: 'Open with pickle.load(), only from sources you trust.' },
  joblib: { label: 'joblib pickle', hint: 'scikit-learn models: joblib.load(), only from sources you trust.' },
  npy: { label: 'NumPy array', hint: 'Open with numpy.load().' },
  npz: { label: 'NumPy arrays', hint: 'Open with numpy.load().' },
  tfrecord: { label: 'TFRecord', hint: 'Read with tf.data.TFRecordDataset.' },
};

export function fileKind(name: string): FileKind | null {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? (KINDS[name.slice(dot + 1).toLowerCase()] ?? null) : null;
}
