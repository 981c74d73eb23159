/**
 * npm run index [-- --retrain]
 * Builds or refreshes the dense index under DATA_DIR/index for the catalog the server uses
 * (shipped national records when CATALOG=full + imported procedures + bundled), re-embedding
 * only changed procedures. Without
 * EMBEDDING_MODEL_DIR it uses the domain model under DATA_DIR/model, learning it first when it is
 * missing or when --retrain asks (a full re-embed follows); the trainer lives in tools/training.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createProgress } from './cli-support.ts';
import { loadBundledCatalog } from '../knowledge/catalog/index.ts';
import { loadCatalog } from '../knowledge/catalog-store.ts';
import { loadBundledNational } from '../knowledge/national/load-bundled-national.ts';
import { openDb } from '../adapters/sql/db/open-db.ts';
import { createSqlProcedureStore } from '../adapters/sql/sql-procedure-store.ts';
import { IndexError } from '../indexer/index-errors.ts';
import { modelDir, setUpDense } from '../indexer/dense/dense-setup.ts';
import { ensureDomainModel } from '../tools/training/domain-model.ts';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { retrain: { type: 'boolean', default: false } } });
  const config = loadConfig();
  const db = await openDb(config);
  try {
    const national = config.catalog === 'full' ? (await loadBundledNational()).procedures : [];
    const catalog = await loadCatalog(createSqlProcedureStore(db), loadBundledCatalog(), national);
    console.log(`Danh mục / catalog: ${catalog.size} thủ tục`);
    const progress = createProgress();
    let started = false;
    if (!config.embeddingModelDir) {
      await ensureDomainModel(modelDir(config), catalog.all(), { retrain: values.retrain, log: (message) => console.log(message) });
    }
    const setup = await setUpDense(config, catalog.all(), {
      log: (message) => console.log(message),
      onProgress: (done, total) => {
        if (!started) {
          progress.start('Nhúng / embedding', total);
          started = true;
        }
        progress.update(done);
      },
    });
    progress.stop();
    const { report } = setup;
    console.log(
      `Chỉ mục / index: ${report.embedded} embedded, ${report.unchanged} unchanged, ${report.removed} removed, ` +
        `${report.chunks} chunks written${report.fullRebuild ? ' (full build)' : ''} in ${(report.ms / 1000).toFixed(1)} s — model ${setup.modelId}`,
    );
    await setup.embeddings.dispose();
    return 0;
  } catch (error) {
    if (error instanceof IndexError) {
      console.error(`${error.vi}\n(${error.code}: ${error.message})`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
